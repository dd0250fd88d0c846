package cn.qualify.materials;

/** The image formats a candidate may upload, as judged by the file's first bytes, never by its name. */
public enum ImageFormat {
    JPEG("image/jpeg", "jpg"),
    PNG("image/png", "png");

    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};

    private final String mediaType;
    private final String extension;

    ImageFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    /** The Content-Type to serve the stored bytes with. */
    public String mediaType() {
        return mediaType;
    }

    /** The file name extension for downloads, without the dot. */
    public String extension() {
        return extension;
    }

    /** The format announced by the magic bytes at the start of {@code content}, or null for anything else. */
    static ImageFormat sniff(byte[] content, int length) {
        if (length >= 3 && (content[0] & 0xFF) == 0xFF && (content[1] & 0xFF) == 0xD8 && (content[2] & 0xFF) == 0xFF) {
            return JPEG;
        }
        if (length >= PNG_SIGNATURE.length) {
            for (int i = 0; i < PNG_SIGNATURE.length; i++) {
                if (content[i] != PNG_SIGNATURE[i]) {
                    return null;
                }
            }
            return PNG;
        }
        return null;
    }
}
