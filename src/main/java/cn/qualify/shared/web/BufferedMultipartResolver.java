package cn.qualify.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.StringUtils;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartHttpServletRequest;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.DefaultMultipartHttpServletRequest;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;

/**
 * Reads a {@code multipart/form-data} request into memory in one piece and splits it at its delimiters, instead of
 * the servlet container's stream parser. The container looks for the delimiter byte by byte through a 4 KB window;
 * for a 150 KB photo that search was a quarter of the upload's CPU on the request thread (docs/performance.md, tenth
 * run). Every accepted file stayed in memory before as well ({@code spring.servlet.multipart.file-size-threshold}),
 * and the same limits apply: {@code spring.servlet.multipart.max-request-size} and {@code max-file-size}, and
 * Tomcat's {@code server.tomcat.max-part-count} and {@code max-part-header-size}.
 *
 * <p>A body that is not well-formed multipart (no opening delimiter, a part that never ends, a header block without
 * its end) yields no parts at all, never the ones before the damage, so a cut-off upload can never be taken for a
 * shorter file; the endpoint then answers as for a request without its file. When a filter has already made the
 * container read the body (by asking for a form parameter, as Spring Security does for a form's CSRF field), the
 * body is gone and the container's parts are used as before.
 */
final class BufferedMultipartResolver implements MultipartResolver {

    private static final byte[] CRLF = {'\r', '\n'};
    private static final ByteSearch HEADERS_END = new ByteSearch(new byte[] {'\r', '\n', '\r', '\n'});
    private static final String FORM_DATA = "multipart/form-data";

    private final StandardServletMultipartResolver container = new StandardServletMultipartResolver();
    private final Limits limits;

    BufferedMultipartResolver(Limits limits) {
        this.limits = limits;
    }

    /** The limits of one request, as the container's own parser would apply them. */
    record Limits(long maxRequestBytes, long maxFileBytes, int maxParts, int maxPartHeaderBytes) {
        Limits {
            if (maxRequestBytes > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("A request held in memory must fit one array");
            }
        }
    }

    @Override
    public boolean isMultipart(HttpServletRequest request) {
        return container.isMultipart(request);
    }

    @Override
    public MultipartHttpServletRequest resolveMultipart(HttpServletRequest request) throws MultipartException {
        String contentType = request.getContentType();
        if (contentType == null || !contentType.regionMatches(true, 0, FORM_DATA, 0, FORM_DATA.length())) {
            return container.resolveMultipart(request);
        }
        String boundary = boundary(contentType);
        if (boundary == null) {
            return BufferedMultipartRequest.of(request, List.of(), charset(request));
        }
        byte[] body = body(request);
        if (body.length == 0) {
            return container.resolveMultipart(request);
        }
        var charset = charset(request);
        return BufferedMultipartRequest.of(request, parse(body, boundary, charset, limits), charset);
    }

    @Override
    public void cleanupMultipart(MultipartHttpServletRequest request) {
        if (!(request instanceof BufferedMultipartRequest)) {
            container.cleanupMultipart(request);
        }
    }

    private byte[] body(HttpServletRequest request) {
        long declared = request.getContentLengthLong();
        if (declared > limits.maxRequestBytes()) {
            throw new MaxUploadSizeExceededException(limits.maxRequestBytes());
        }
        try (var in = request.getInputStream()) {
            if (declared >= 0) {
                var body = new byte[(int) declared];
                int read = in.readNBytes(body, 0, body.length);
                return read == body.length ? body : Arrays.copyOf(body, read);
            }
            var body = in.readNBytes((int) limits.maxRequestBytes() + 1);
            if (body.length > limits.maxRequestBytes()) {
                throw new MaxUploadSizeExceededException(limits.maxRequestBytes());
            }
            return body;
        } catch (IOException unreadable) {
            throw new MultipartException("Could not read the multipart request", unreadable);
        }
    }

    /**
     * The parts of a body, in order; none if the body is not well-formed.
     *
     * @throws MaxUploadSizeExceededException if a part is larger than the file limit
     * @throws MultipartException if there are more parts, or a part has more header bytes, than the limits allow
     */
    static List<Part> parse(byte[] body, String boundary, Charset charset, Limits limits) {
        var delimiter = new ByteSearch(("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1));
        int position;
        if (startsWith(body, 0, delimiter.pattern, 2)) {
            position = delimiter.length() - 2;
        } else {
            int first = delimiter.in(body, 0);
            if (first < 0) {
                return List.of();
            }
            position = first + delimiter.length();
        }
        var parts = new ArrayList<Part>();
        while (true) {
            if (position + 1 < body.length && body[position] == '-' && body[position + 1] == '-') {
                return parts;
            }
            while (position < body.length && (body[position] == ' ' || body[position] == '\t')) {
                position++;
            }
            if (!startsWith(body, position, CRLF, 0)) {
                return List.of();
            }
            // searched from the delimiter's own line end, so that a part without headers is found too
            int headersEnd = HEADERS_END.in(body, position);
            if (headersEnd < 0) {
                return List.of();
            }
            if (headersEnd - position > limits.maxPartHeaderBytes()) {
                throw new MultipartException(
                        "A part's headers are longer than " + limits.maxPartHeaderBytes() + " bytes");
            }
            int start = headersEnd + HEADERS_END.length();
            int end = delimiter.in(body, start);
            if (end < 0) {
                return List.of();
            }
            if (parts.size() == limits.maxParts()) {
                throw new MultipartException("The request has more than " + limits.maxParts() + " parts");
            }
            if (end - start > limits.maxFileBytes()) {
                throw new MaxUploadSizeExceededException(limits.maxFileBytes());
            }
            var part = Part.of(
                    new String(body, position + CRLF.length, Math.max(0, headersEnd - position - CRLF.length), charset),
                    body,
                    start,
                    end - start);
            if (part != null) {
                parts.add(part);
            }
            position = end + delimiter.length();
        }
    }

    /** The {@code boundary} parameter of a multipart content type, unquoted; null if there is none. */
    static @Nullable String boundary(String contentType) {
        String boundary;
        try {
            boundary = MediaType.parseMediaType(contentType).getParameter("boundary");
        } catch (InvalidMediaTypeException unreadable) {
            return null;
        }
        if (boundary != null && boundary.length() >= 2 && boundary.startsWith("\"") && boundary.endsWith("\"")) {
            boundary = boundary.substring(1, boundary.length() - 1);
        }
        // RFC 2046 allows 1 to 70 characters
        return boundary == null || boundary.isEmpty() || boundary.length() > 70 ? null : boundary;
    }

    private static Charset charset(HttpServletRequest request) {
        var encoding = request.getCharacterEncoding();
        try {
            return encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            return StandardCharsets.UTF_8;
        }
    }

    private static boolean startsWith(byte[] data, int at, byte[] prefix, int prefixFrom) {
        int length = prefix.length - prefixFrom;
        return at >= 0
                && at + length <= data.length
                && Arrays.equals(data, at, at + length, prefix, prefixFrom, prefix.length);
    }

    /**
     * A search for one byte sequence (Boyer-Moore-Horspool): it looks at the byte under the pattern's last position
     * and moves on by as much as that byte allows, so that a delimiter of 40 bytes is found in a photo after looking
     * at about one byte in 40, where a byte-by-byte search looks at every one.
     */
    static final class ByteSearch {

        private final byte[] pattern;
        private final int[] skip = new int[256];

        ByteSearch(byte[] pattern) {
            if (pattern.length == 0) {
                throw new IllegalArgumentException("Nothing to search for");
            }
            this.pattern = pattern;
            Arrays.fill(skip, pattern.length);
            for (int i = 0; i < pattern.length - 1; i++) {
                skip[pattern[i] & 0xff] = pattern.length - 1 - i;
            }
        }

        int length() {
            return pattern.length;
        }

        /** The first index of the pattern in {@code data} from {@code from}, or -1. */
        int in(byte[] data, int from) {
            int lastOfPattern = pattern.length - 1;
            byte last = pattern[lastOfPattern];
            for (int i = Math.max(0, from); i + lastOfPattern < data.length; ) {
                byte under = data[i + lastOfPattern];
                if (under == last && Arrays.equals(data, i, i + lastOfPattern, pattern, 0, lastOfPattern)) {
                    return i;
                }
                i += skip[under & 0xff];
            }
            return -1;
        }
    }

    /** One part of the body: a form field ({@code fileName} null) or a file, its content a range of the body. */
    record Part(
            String name,
            @Nullable String fileName,
            @Nullable String contentType,
            byte[] body,
            int offset,
            int length) {

        /** The part its header block describes; null for a part that is not a named form-data part. */
        static @Nullable Part of(String headers, byte[] body, int offset, int length) {
            String disposition = null;
            String contentType = null;
            for (var line : headers.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                var name = line.substring(0, colon).strip();
                var value = line.substring(colon + 1).strip();
                if (name.equalsIgnoreCase("Content-Disposition")) {
                    disposition = value;
                } else if (name.equalsIgnoreCase("Content-Type")) {
                    contentType = value;
                }
            }
            if (disposition == null) {
                return null;
            }
            ContentDisposition parsed;
            try {
                // as the container's parts were read before: file names with their escapes and RFC 5987 forms
                parsed = ContentDisposition.parse(disposition);
            } catch (IllegalArgumentException unreadable) {
                return null;
            }
            if (!parsed.isFormData() || parsed.getName() == null) {
                return null;
            }
            return new Part(parsed.getName(), parsed.getFilename(), contentType, body, offset, length);
        }

        String text(Charset charset) {
            return new String(body, offset, length, charset);
        }
    }

    /**
     * The request with its parts. Parameters are the form fields and the query string's; the container is never
     * asked for its own, since it would try to read the body again.
     */
    static final class BufferedMultipartRequest extends DefaultMultipartHttpServletRequest {

        private final Map<String, String[]> query;

        private BufferedMultipartRequest(
                HttpServletRequest request,
                LinkedMultiValueMap<String, MultipartFile> files,
                Map<String, String[]> fields,
                Map<String, String> contentTypes,
                Map<String, String[]> query) {
            super(request, files, fields, contentTypes);
            this.query = query;
        }

        /** @param charset the request's, for the form fields and the query string */
        static BufferedMultipartRequest of(HttpServletRequest request, List<Part> parts, Charset charset) {
            var files = new LinkedMultiValueMap<String, MultipartFile>();
            var fields = new LinkedHashMap<String, String[]>();
            var contentTypes = new LinkedHashMap<String, String>();
            for (var part : parts) {
                if (part.fileName() != null) {
                    files.add(part.name(), new BufferedMultipartFile(part));
                } else {
                    fields.merge(part.name(), new String[] {part.text(charset)}, StringUtils::concatenateStringArrays);
                    if (part.contentType() != null) {
                        contentTypes.putIfAbsent(part.name(), part.contentType());
                    }
                }
            }
            return new BufferedMultipartRequest(
                    request, files, fields, contentTypes, query(request.getQueryString(), charset));
        }

        @Override
        public @Nullable String getParameter(String name) {
            var values = getParameterValues(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public String @Nullable [] getParameterValues(String name) {
            var fields = getMultipartParameters().get(name);
            var fromQuery = query.get(name);
            if (fields == null) {
                return fromQuery == null ? null : fromQuery.clone();
            }
            return fromQuery == null ? fields.clone() : StringUtils.concatenateStringArrays(fields, fromQuery);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            var names = new LinkedHashSet<String>(getMultipartParameters().keySet());
            names.addAll(query.keySet());
            return Collections.enumeration(names);
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            var map = new LinkedHashMap<String, String[]>();
            for (var names = getParameterNames(); names.hasMoreElements(); ) {
                var name = names.nextElement();
                map.put(name, getParameterValues(name));
            }
            return Collections.unmodifiableMap(map);
        }

        private static Map<String, String[]> query(@Nullable String queryString, Charset charset) {
            var query = new LinkedHashMap<String, String[]>();
            if (queryString == null || queryString.isEmpty()) {
                return query;
            }
            for (var pair : queryString.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                try {
                    var name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), charset);
                    var value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
                    query.merge(name, new String[] {value}, StringUtils::concatenateStringArrays);
                } catch (IllegalArgumentException malformed) {
                    // a malformed pair is left out, as the container leaves it out
                }
            }
            return query;
        }
    }
}
