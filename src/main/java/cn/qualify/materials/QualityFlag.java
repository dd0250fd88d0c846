package cn.qualify.materials;

/**
 * What {@link ImageVerification} found doubtful about a stored image: a warning for the candidate, a flag for the
 * reviewer. None of them refuses the image; the reviewer decides.
 */
public enum QualityFlag {
    /** The long side is too short for document text to be legible. */
    LOW_RESOLUTION("materials.quality.low-resolution"),
    /** Few sharp edges: probably out of focus or shaken. */
    BLURRY("materials.quality.blurry"),
    /** Mean brightness is very low. */
    TOO_DARK("materials.quality.too-dark"),
    /** The image does not decode cleanly; the candidate must upload it again. */
    CORRUPT("materials.quality.corrupt");

    private final String messageKey;

    QualityFlag(String messageKey) {
        this.messageKey = messageKey;
    }

    /** The key of the candidate-facing warning in {@code i18n/materials}. */
    public String messageKey() {
        return messageKey;
    }
}
