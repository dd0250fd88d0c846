package cn.qualify.policy;

import java.util.List;

/**
 * One material of a candidate's checklist. It is met by its own material with at least {@code minImages} images,
 * or by any one of its {@code alternatives}.
 *
 * @param name the catalogue name of the material
 * @param instructions the catalogue's requirement text for the upload page
 * @param required false for optional materials (supervisor certificates, other)
 * @param minImages fewest images that meet the requirement (0 for optional materials)
 * @param maxImages most images accepted; more are refused
 * @param reason why this candidate needs it
 * @param clause the clause of the notice it comes from, e.g. {@code 一(七)1}
 */
public record Requirement(
        Material material,
        LocalizedText name,
        LocalizedText instructions,
        boolean required,
        int minImages,
        int maxImages,
        List<Alternative> alternatives,
        LocalizedText reason,
        String clause) {

    public Requirement {
        alternatives = List.copyOf(alternatives);
        if (minImages < 0 || minImages > maxImages) {
            throw new IllegalArgumentException(material + ": " + minImages + " > " + maxImages + " images");
        }
    }

    /**
     * Another material that meets the requirement instead.
     *
     * @param minImages how many images of it are needed for that
     * @param name the catalogue name of that material
     */
    public record Alternative(Material material, int minImages, LocalizedText name) {}
}
