package vn.qms.doccontrol.query.register;

import java.util.List;

/** One page of the register and how many documents match in all. */
public record RegisterPage(List<RegisterItem> items, long total) {

    public RegisterPage {
        items = List.copyOf(items);
    }
}
