package cn.qualify.materials;

/** Why {@link ImageIntake} refused an upload. Each reason has a message key in {@code i18n/materials}. */
public enum RefusalReason {
    /** Over the exam year's byte limit; the rest of the body was not read. */
    TOO_LARGE("materials.refusal.too-large", 413),
    /** Not a JPEG or PNG by its magic bytes (GIF, SVG, WebP, HEIC, PDF, empty…), whatever its name says. */
    UNSUPPORTED_FORMAT("materials.refusal.unsupported-format", 415),
    /** The header claims more pixels than {@link ImageIntake.Limits} allow (pixel flood, PNG bomb). */
    DIMENSIONS_TOO_LARGE("materials.refusal.dimensions-too-large", 422),
    /** The short side is below {@link ImageIntake.Limits#minShortSide()}: nothing legible fits in it. */
    DIMENSIONS_TOO_SMALL("materials.refusal.dimensions-too-small", 422),
    /** The file ends before its end marker: the upload was cut off or the file is incomplete. */
    TRUNCATED("materials.refusal.truncated", 422),
    /** The file's structure is broken (bad segment, checksum, missing image data). */
    CORRUPT("materials.refusal.corrupt", 422),
    /** The photo carries a rotation flag and could not be turned upright within the byte limit. */
    ORIENTATION_NOT_NORMALISED("materials.refusal.orientation-not-normalised", 422);

    private final String messageKey;
    private final int httpStatus;

    RefusalReason(String messageKey, int httpStatus) {
        this.messageKey = messageKey;
        this.httpStatus = httpStatus;
    }

    /** The key of the candidate-facing message in {@code i18n/materials}. */
    public String messageKey() {
        return messageKey;
    }

    /** The status an HTTP adapter answers with: 413 for size, 415 for format, 422 for the rest. */
    public int httpStatus() {
        return httpStatus;
    }
}
