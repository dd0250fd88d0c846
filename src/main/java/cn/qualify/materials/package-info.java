/**
 * Materials: the cheap request-path checks of an uploaded image ({@link cn.qualify.materials.ImageIntake}), the
 * document storage port ({@link cn.qualify.materials.DocumentStore}) and the off-request-path quality verification
 * ({@link cn.qualify.materials.ImageVerification}). It depends on no other module but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Materials", allowedDependencies = "shared")
package cn.qualify.materials;
