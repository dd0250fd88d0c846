package cn.qualify.materials;

/** The outcome of {@link ImageIntake}: either an image ready to store, or a refusal with its reason. */
public sealed interface IntakeResult permits AcceptedImage, RefusedImage {

    default boolean accepted() {
        return this instanceof AcceptedImage;
    }
}
