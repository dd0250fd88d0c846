package cn.qualify.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockPart;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartHttpServletRequest;

/** Reading multipart bodies as browsers and API clients send them, and refusing what they must not send. */
class BufferedMultipartResolverTests {

    private static final BufferedMultipartResolver.Limits LIMITS =
            new BufferedMultipartResolver.Limits(64 * 1024, 32 * 1024, 4, 512);

    private final BufferedMultipartResolver resolver = new BufferedMultipartResolver(LIMITS);

    /** A photo whose bytes hold line ends, blank lines and most of the delimiter, but never all of it. */
    private static byte[] trickyPhoto() {
        var bytes = new byte[20_000];
        new Random(7).nextBytes(bytes);
        var traps = "\r\n--\r\n\r\n\r\n--b0und\r\n--b0undar--".getBytes(StandardCharsets.ISO_8859_1);
        for (int at = 0; at + traps.length < bytes.length; at += 997) {
            System.arraycopy(traps, 0, bytes, at, traps.length);
        }
        return bytes;
    }

    @Test
    void aFileAndAFieldKeepTheirNamesTypesAndEveryByte() throws Exception {
        var photo = trickyPhoto();
        var body = new Body("b0undary")
                .field("_csrf", "令牌-token")
                .file("file", "身份证 正面.jpg", "image/jpeg", photo)
                .end();

        var request = resolve(body, "multipart/form-data; boundary=b0undary", null);

        var file = request.getFile("file");
        assertThat(file).isNotNull();
        assertThat(file.getOriginalFilename()).isEqualTo("身份证 正面.jpg");
        assertThat(file.getContentType()).isEqualTo("image/jpeg");
        assertThat(file.getSize()).isEqualTo(photo.length);
        assertThat(file.isEmpty()).isFalse();
        assertThat(file.getBytes()).isEqualTo(photo);
        assertThat(request.getParameter("_csrf")).isEqualTo("令牌-token");
    }

    @Test
    void aQuotedBoundaryAPreambleAndPaddingAfterADelimiterAreAccepted() throws Exception {
        var photo = trickyPhoto();
        var parts = new Body("a:b c").file("file", "p.png", "image/png", photo).end();
        var body = new ByteArrayOutputStream();
        body.write("This is the preamble.\r\n".getBytes(StandardCharsets.US_ASCII));
        body.write(new String(parts, StandardCharsets.ISO_8859_1)
                .replaceFirst("--a:b c\r\n", "--a:b c  \r\n")
                .getBytes(StandardCharsets.ISO_8859_1));

        var request = resolve(body.toByteArray(), "multipart/form-data; charset=UTF-8; boundary=\"a:b c\"", null);

        assertThat(request.getFile("file").getBytes()).isEqualTo(photo);
    }

    @Test
    void aFileNameKeepsItsBackslashesAndAnEscapedQuote() throws Exception {
        var body =
                "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"C:\\scans\\a \\\"b\\\".jpg\"\r\n\r\n"
                        + "abc\r\n--x--\r\n";

        var file = resolve(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=x", null)
                .getFile("file");

        assertThat(file.getOriginalFilename()).isEqualTo("C:\\scans\\a \"b\".jpg");
        assertThat(file.getBytes()).isEqualTo("abc".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void aFileChosenWithoutBytesIsPresentAndEmpty() throws Exception {
        var body = new Body("x")
                .file("file", "", "application/octet-stream", new byte[0])
                .end();

        var file = resolve(body, "multipart/form-data; boundary=x", null).getFile("file");

        assertThat(file).isNotNull();
        assertThat(file.isEmpty()).isTrue();
        assertThat(file.getBytes()).isEmpty();
    }

    @Test
    void aBodyCutOffInsideAPartYieldsNoPartsAtAllNotTheOnesBefore() {
        var whole = new Body("x")
                .field("_csrf", "t")
                .file("file", "id.jpg", "image/jpeg", trickyPhoto())
                .end();
        var cutOff = Arrays.copyOf(whole, whole.length - 10);

        var request = resolve(cutOff, "multipart/form-data; boundary=x", null);

        assertThat(request.getFileMap()).isEmpty();
        assertThat(request.getParameterMap()).isEmpty();
    }

    @Test
    void aBodyWithoutDelimitersOrAContentTypeWithoutBoundaryYieldsNoParts() {
        var body = new Body("x")
                .file("file", "id.jpg", "image/jpeg", trickyPhoto())
                .end();

        assertThat(resolve("garbage".getBytes(StandardCharsets.US_ASCII), "multipart/form-data; boundary=x", null)
                        .getFileMap())
                .isEmpty();
        assertThat(resolve(body, "multipart/form-data", null).getFileMap()).isEmpty();
        assertThat(resolve(body, "multipart/form-data; boundary=other", null).getFileMap())
                .isEmpty();
    }

    @Test
    void theQueryStringJoinsTheFormFieldsAndTheContainerIsNeverAskedForParameters() {
        var body = new Body("x").field("x", "0").field("note", "备注").end();
        var request = new MockHttpServletRequest("POST", "/upload");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(body);
        request.setCharacterEncoding("UTF-8");
        request.setQueryString("lang=en&x=1&x=%E4%B8%80&bad=%zz");
        request.addParameter("fromTheContainer", "would mean the body was parsed twice");

        var multipart = resolver.resolveMultipart(request);

        assertThat(multipart.getParameterValues("x")).containsExactly("0", "1", "一");
        assertThat(multipart.getParameter("lang")).isEqualTo("en");
        assertThat(multipart.getParameter("note")).isEqualTo("备注");
        assertThat(multipart.getParameter("bad")).isNull();
        assertThat(multipart.getParameter("fromTheContainer")).isNull();
        assertThat(multipart.getParameterMap()).containsOnlyKeys("x", "note", "lang");
    }

    @Test
    void aBodyTheContainerHasAlreadyReadIsTakenFromTheContainersParts() throws Exception {
        var request = new MockHttpServletRequest("POST", "/upload");
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(new byte[0]);
        var photo = trickyPhoto();
        var part = new MockPart("file", "id.jpg", photo);
        part.getHeaders().setContentType(org.springframework.http.MediaType.IMAGE_JPEG);
        request.addPart(part);

        var file = resolver.resolveMultipart(request).getFile("file");

        assertThat(file).isNotNull();
        assertThat(file.getBytes()).isEqualTo(photo);
    }

    @Test
    void aRequestOrAPartOverTheLimitsIsRefused() {
        var tooLargeAFile = new Body("x")
                .file("file", "a.jpg", "image/jpeg", new byte[32 * 1024 + 1])
                .end();
        assertThatThrownBy(() -> resolve(tooLargeAFile, "multipart/form-data; boundary=x", null))
                .isInstanceOf(MaxUploadSizeExceededException.class);

        var tooLargeARequest = new Body("x")
                .file("a", "a.jpg", "image/jpeg", new byte[30 * 1024])
                .file("b", "b.jpg", "image/jpeg", new byte[30 * 1024])
                .file("c", "c.jpg", "image/jpeg", new byte[5 * 1024])
                .end();
        assertThatThrownBy(() -> resolve(tooLargeARequest, "multipart/form-data; boundary=x", null))
                .isInstanceOf(MaxUploadSizeExceededException.class);
        assertThatThrownBy(() -> resolver.resolveMultipart(withoutDeclaredLength(tooLargeARequest)))
                .isInstanceOf(MaxUploadSizeExceededException.class);

        var tooManyParts = new Body("x")
                .field("a", "1")
                .field("b", "2")
                .field("c", "3")
                .field("d", "4")
                .field("e", "5")
                .end();
        assertThatThrownBy(() -> resolve(tooManyParts, "multipart/form-data; boundary=x", null))
                .isInstanceOf(MultipartException.class)
                .hasMessageContaining("more than 4 parts");

        var longHeaders = new Body("x").field("a".repeat(600), "1").end();
        assertThatThrownBy(() -> resolve(longHeaders, "multipart/form-data; boundary=x", null))
                .isInstanceOf(MultipartException.class)
                .hasMessageContaining("headers");
    }

    @Test
    void aRequestWithoutADeclaredLengthIsReadToItsEnd() throws Exception {
        var photo = trickyPhoto();
        var body = new Body("x").file("file", "id.jpg", "image/jpeg", photo).end();
        assertThat(resolver.resolveMultipart(withoutDeclaredLength(body))
                        .getFile("file")
                        .getBytes())
                .isEqualTo(photo);
    }

    @Test
    void partsWithoutANameOrNotFormDataAreLeftOut() {
        var body = "--x\r\nContent-Disposition: form-data; filename=\"a.jpg\"\r\n\r\nabc\r\n"
                + "--x\r\nContent-Disposition: attachment; name=\"b\"\r\n\r\nabc\r\n"
                + "--x\r\n\r\nno headers\r\n"
                + "--x\r\nContent-Disposition: form-data; name=\"kept\"\r\n\r\nyes\r\n--x--\r\n";

        var request = resolve(body.getBytes(StandardCharsets.UTF_8), "multipart/form-data; boundary=x", null);

        assertThat(request.getFileMap()).isEmpty();
        assertThat(request.getParameterMap()).containsOnlyKeys("kept");
        assertThat(request.getParameter("kept")).isEqualTo("yes");
    }

    @Test
    void theDelimiterSearchFindsWhatAByteByByteSearchFinds() {
        var random = new Random(11);
        for (int round = 0; round < 2_000; round++) {
            // a small alphabet, so that near misses, overlaps and repeats are common
            var data = new byte[random.nextInt(200)];
            for (int i = 0; i < data.length; i++) {
                data[i] = (byte) ("\r\n-ab".charAt(random.nextInt(5)));
            }
            var pattern = new byte[1 + random.nextInt(6)];
            for (int i = 0; i < pattern.length; i++) {
                pattern[i] = (byte) ("\r\n-ab".charAt(random.nextInt(5)));
            }
            int from = data.length == 0 ? 0 : random.nextInt(data.length);
            assertThat(new BufferedMultipartResolver.ByteSearch(pattern).in(data, from))
                    .as("%s in %s from %d", Arrays.toString(pattern), Arrays.toString(data), from)
                    .isEqualTo(byteByByte(data, pattern, from));
        }
    }

    private static int byteByByte(byte[] data, byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        return -1;
    }

    /** A request sent in chunks, without Content-Length, with boundary {@code x}. */
    private static MockHttpServletRequest withoutDeclaredLength(byte[] body) {
        var request = new MockHttpServletRequest("POST", "/upload") {
            @Override
            public long getContentLengthLong() {
                return -1;
            }
        };
        request.setContentType("multipart/form-data; boundary=x");
        request.setContent(body);
        return request;
    }

    private MultipartHttpServletRequest resolve(byte[] body, String contentType, String query) {
        var request = new MockHttpServletRequest("POST", "/upload");
        request.setContentType(contentType);
        request.setContent(body);
        request.setCharacterEncoding("UTF-8");
        request.setQueryString(query);
        return resolver.resolveMultipart(request);
    }

    /** A multipart body written as a browser writes one. */
    private static final class Body {
        private final String boundary;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Body(String boundary) {
            this.boundary = boundary;
        }

        Body field(String name, String value) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value
                    + "\r\n");
            return this;
        }

        Body file(String name, String fileName, String contentType, byte[] content) {
            write("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: " + contentType + "\r\n\r\n");
            out.writeBytes(content);
            write("\r\n");
            return this;
        }

        byte[] end() {
            write("--" + boundary + "--\r\n");
            return out.toByteArray();
        }

        private void write(String text) {
            out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
        }
    }
}
