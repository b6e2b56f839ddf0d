package vn.qms.doccontrol.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import vn.qms.doccontrol.app.support.RunningQms;

/** Real accounts come from configuration with bcrypt hashes; demo accounts exist only when asked for. */
class ConfiguredAccountsTest {

    @TempDir
    Path dataDir;

    @Test
    void shouldAuthenticateConfiguredAccountsAndNoDemoAccountWhenDemoIsOff() {
        String hash = new BCryptPasswordEncoder().encode("Mật-khẩu-rất-dài-2026");
        try (RunningQms qms = RunningQms.embeddedWith(dataDir, "--qms.demo=false",
                "--qms.security.users[0].username=thuky.quan1",
                "--qms.security.users[0].password-hash=" + hash,
                "--qms.security.users[0].roles=SECRETARY",
                "--qms.security.users[1].username=doan.kiemtra",
                "--qms.security.users[1].password-hash={bcrypt}" + hash,
                "--qms.security.users[1].roles=INSPECTOR,AUDITOR")) {
            assertThat(qms.api().withCredentials("thuky.quan1", "Mật-khẩu-rất-dài-2026", "/api/documents").status()).isEqualTo(200);
            assertThat(qms.api().withCredentials("doan.kiemtra", "Mật-khẩu-rất-dài-2026", "/api/audit-trail").status()).isEqualTo(200);
            assertThat(qms.api().withCredentials("thuky.quan1", "wrong", "/api/documents").status()).isEqualTo(401);
            assertThat(qms.api().get("secretary", "/api/documents").status()).as("no demo account").isEqualTo(401);
        }
    }

    @Test
    void shouldRefuseToStartWithAPlainPasswordInsteadOfAHash() {
        assertThatThrownBy(() -> RunningQms.embeddedWith(dataDir, "--qms.demo=false",
                "--qms.security.users[0].username=thuky.quan1",
                "--qms.security.users[0].password-hash=secret",
                "--qms.security.users[0].roles=SECRETARY"))
                .hasStackTraceContaining("needs a bcrypt password-hash");
    }
}
