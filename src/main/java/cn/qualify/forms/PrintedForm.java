package cn.qualify.forms;

/**
 * A form printed to PDF.
 *
 * @param form which form, for which work unit
 * @param pdf the PDF document: A4, Chinese text in an embedded font
 */
public record PrintedForm(OfferedForm form, byte[] pdf) {}
