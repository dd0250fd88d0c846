package cn.qualify.shared.web;

import java.io.ByteArrayInputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** A file part of a request read by {@link BufferedMultipartResolver}: a range of the request's body, not a copy. */
final class BufferedMultipartFile implements MultipartFile {

    private final BufferedMultipartResolver.Part part;

    BufferedMultipartFile(BufferedMultipartResolver.Part part) {
        this.part = part;
    }

    @Override
    public String getName() {
        return part.name();
    }

    @Override
    public @Nullable String getOriginalFilename() {
        return part.fileName();
    }

    @Override
    public @Nullable String getContentType() {
        return part.contentType();
    }

    @Override
    public boolean isEmpty() {
        return part.length() == 0;
    }

    @Override
    public long getSize() {
        return part.length();
    }

    @Override
    public byte[] getBytes() {
        return Arrays.copyOfRange(part.body(), part.offset(), part.offset() + part.length());
    }

    @Override
    public InputStream getInputStream() {
        return new ByteArrayInputStream(part.body(), part.offset(), part.length());
    }

    @Override
    public void transferTo(File destination) throws IOException {
        transferTo(destination.toPath());
    }

    @Override
    public void transferTo(Path destination) throws IOException {
        try (var out = Files.newOutputStream(destination)) {
            out.write(part.body(), part.offset(), part.length());
        }
    }
}
