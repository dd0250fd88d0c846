package cn.qualify.policy;

/**
 * A material of a policy's catalogue, as the upload page shows it.
 *
 * @param name e.g. 毕业证书
 * @param instructions the requirement text shown beside the upload button
 * @param minImages fewest images of a required upload (0 for optional materials)
 * @param maxImages most images accepted
 */
public record CatalogueEntry(
        Material material, LocalizedText name, LocalizedText instructions, int minImages, int maxImages) {}
