package cn.qualify.forms;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Prints a form: its XHTML template under {@code templates/forms/pdf/} rendered by Thymeleaf in XML mode, then laid
 * out as A4 PDF by openhtmltopdf with the CJK font shipped in {@code fonts/}.
 *
 * <p>The documents are Chinese whatever the reader's language: their fixed text stays in the templates, and the
 * names of the policy's values (exam level, category, …) come from the message bundles in Chinese.
 */
@Component
class FormPrinter {

    /**
     * The fonts by the family names that the templates' CSS lists, Latin first: the CJK font has no Latin glyphs,
     * and the layout takes each character from the first family that has it. Both are TrueType (not CFF-based
     * OpenType, which PDFBox embeds poorly), both Apache-2.0 (see {@code fonts/LICENSE-*.txt}), and both are read
     * from the classpath, never from the machine: the same glyphs on every server.
     */
    static final Map<String, String> FONTS = Map.of(
            "Roboto", "fonts/Roboto-Regular.ttf",
            "Droid Sans Fallback", "fonts/DroidSansFallbackFull.ttf");

    static final Locale DOCUMENT_LANGUAGE = Locale.SIMPLIFIED_CHINESE;

    static {
        XRLog.setLoggerImpl(new LayoutLog());
    }

    private final SpringTemplateEngine templates;
    private final Map<String, byte[]> fonts;

    FormPrinter(MessageSource messages) {
        var resolver = new ClassLoaderTemplateResolver(FormPrinter.class.getClassLoader());
        resolver.setPrefix("templates/forms/pdf/");
        resolver.setSuffix(".html");
        // XML mode: openhtmltopdf parses well-formed XHTML only, and XML mode refuses anything else.
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.setCacheable(true);
        templates = new SpringTemplateEngine();
        templates.setTemplateResolver(resolver);
        templates.setTemplateEngineMessageSource(messages);
        fonts = new LinkedHashMap<>();
        FONTS.forEach((family, location) -> fonts.put(family, load(location)));
    }

    /** The form as a PDF document. */
    byte[] print(FormContent content) {
        return render(xhtml(content));
    }

    /** The form's XHTML before layout. */
    String xhtml(FormContent content) {
        var registration = content.registration();
        var variables = new HashMap<String, Object>();
        variables.put("form", content.form());
        variables.put("candidate", registration);
        variables.put("facts", registration.facts());
        variables.put("unit", content.form().unit());
        variables.put("examYear", registration.examYear());
        variables.put("examPointName", content.examPointName());
        variables.put("applicationNumber", content.applicationNumber());
        variables.put("printedOn", content.printedOn());
        return templates.process(content.form().kind().slug(), new Context(DOCUMENT_LANGUAGE, variables));
    }

    private byte[] render(String xhtml) {
        var out = new ByteArrayOutputStream(64 * 1024);
        try {
            var builder = new PdfRendererBuilder().useFastMode();
            fonts.forEach((family, bytes) -> builder.useFont(() -> new ByteArrayInputStream(bytes), family));
            builder
                    // The templates reference nothing outside themselves; refuse any URI that data might smuggle in.
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_BEFORE_RESOLVING_URI)
                    .useExternalResourceAccessControl(
                            (uri, type) -> false, ExternalResourceControlPriority.RUN_AFTER_RESOLVING_URI)
                    .withHtmlContent(xhtml, null)
                    .withProducer("Qualify")
                    .toStream(out)
                    .run();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not lay out a form", e);
        }
        return out.toByteArray();
    }

    private static byte[] load(String location) {
        try {
            return new ClassPathResource(location, FormPrinter.class.getClassLoader()).getContentAsByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("The font " + location + " is missing from the classpath", e);
        }
    }
}
