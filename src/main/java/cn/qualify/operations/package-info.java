/**
 * Operations: the commands an operator runs against a deployment's stored documents, each in its own process
 * that exits when done ({@code --qualify.command=verify-documents}, {@code purge-documents}); see
 * {@code docs/operations.md}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Operator commands",
        allowedDependencies = {"application", "materials", "exam"})
package cn.qualify.operations;
