package vn.qms.doccontrol.app.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * HTTP/1.1 over a plain socket, byte for byte as given: what a well-behaved client library refuses
 * to send (bytes that are not UTF-8, control characters in a URL, a 64 KB header, an odd method).
 * One request per connection.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /**
     * @param head    request line and headers, without the blank line; sent as ISO-8859-1 so that
     *                every char is one byte
     * @param body    sent after the head; may be large, it is written while the answer is read
     * @param from    the local address to connect from (a 127.x.y.z address), or null
     */
    public static Answer send(int port, String head, byte[] body, InetAddress from) {
        try (Socket socket = new Socket()) {
            if (from != null) {
                socket.bind(new InetSocketAddress(from, 0));
            }
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            // A server may answer (413, 400) before the body is through and close: write it on the
            // side, so that the answer is read as soon as it comes.
            CompletableFuture<Void> writing = CompletableFuture.runAsync(() -> {
                try {
                    out.write(body);
                    out.flush();
                } catch (IOException e) {
                    // the server stopped reading, having answered: the answer is what counts
                }
            });
            byte[] raw = readAll(socket.getInputStream());
            writing.cancel(true);
            return Answer.parse(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Answer send(int port, String head, byte[] body) {
        return send(port, head, body, null);
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] buffer = new byte[16_384];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                bytes.write(buffer, 0, n);
            }
        } catch (IOException e) {
            // A reset after the answer (the server closed on an unread body) ends the reading.
            if (bytes.size() == 0) {
                throw e;
            }
        }
        return bytes.toByteArray();
    }

    /** The final answer (interim 100 Continue answers skipped), with the body de-chunked. */
    public record Answer(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public String contentType() {
            String type = header("content-type");
            return type == null ? "" : type;
        }

        static Answer parse(byte[] raw) {
            String text = new String(raw, StandardCharsets.ISO_8859_1);
            while (true) {
                int end = text.indexOf("\r\n\r\n");
                if (end < 0) {
                    throw new IllegalStateException("Not an HTTP answer: " + abbreviate(text));
                }
                String[] lines = text.substring(0, end).split("\r\n");
                int status = Integer.parseInt(lines[0].split(" ")[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
                }
                String rest = text.substring(end + 4);
                if (status == 100) {
                    text = rest;
                    continue;
                }
                String body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
                return new Answer(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
            }
        }

        private static String dechunk(String chunked) {
            StringBuilder out = new StringBuilder();
            int at = 0;
            while (at < chunked.length()) {
                int lineEnd = chunked.indexOf("\r\n", at);
                if (lineEnd < 0) {
                    break;
                }
                int size = Integer.parseInt(chunked.substring(at, lineEnd).split(";")[0].trim(), 16);
                if (size == 0) {
                    break;
                }
                out.append(chunked, lineEnd + 2, Math.min(chunked.length(), lineEnd + 2 + size));
                at = lineEnd + 2 + size + 2;
            }
            return out.toString();
        }

        private static String abbreviate(String text) {
            return text.length() > 300 ? text.substring(0, 300) + "…" : text;
        }

        @Override
        public String toString() {
            return status + " " + contentType() + " " + abbreviate(body);
        }
    }
}
