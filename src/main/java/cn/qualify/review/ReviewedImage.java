package cn.qualify.review;

/** The bytes of an image a reviewer asked for, with the media type read from the bytes themselves. */
record ReviewedImage(byte[] bytes, String mediaType) {

    static ReviewedImage of(byte[] bytes) {
        return new ReviewedImage(bytes, mediaType(bytes));
    }

    private static String mediaType(byte[] bytes) {
        if (bytes.length >= 4 && (bytes[0] & 0xFF) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            return "image/png";
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xD8) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }
}
