package cn.qualify.materials;

import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * An upload that was refused; nothing of it may be stored. Resolve it with
 * {@code messageSource.getMessage(refusal, locale)} to get the candidate's message, e.g.
 * 文件超过 200 KB（当前 205 KB），请压缩后重新上传.
 *
 * @param reason what was wrong, for the HTTP status and for logs
 * @param messageKey the key in {@code i18n/materials}; usually {@link RefusalReason#messageKey()}
 * @param arguments the message's arguments, already formatted
 */
public record RefusedImage(RefusalReason reason, String messageKey, List<String> arguments)
        implements IntakeResult, MessageSourceResolvable {

    static final String SIZE_UNKNOWN_SUFFIX = ".size-unknown";

    public RefusedImage {
        arguments = List.copyOf(arguments);
    }

    static RefusedImage of(RefusalReason reason, Object... arguments) {
        return new RefusedImage(
                reason,
                reason.messageKey(),
                java.util.Arrays.stream(arguments).map(String::valueOf).toList());
    }

    /** Over the limit; {@code actualBytes} is negative when the full size is unknown because reading stopped. */
    static RefusedImage tooLarge(long limitBytes, long actualBytes) {
        var limit = Kilobytes.limit(limitBytes);
        if (actualBytes < 0) {
            return new RefusedImage(
                    RefusalReason.TOO_LARGE,
                    RefusalReason.TOO_LARGE.messageKey() + SIZE_UNKNOWN_SUFFIX,
                    List.of(limit));
        }
        return of(RefusalReason.TOO_LARGE, limit, Kilobytes.actual(actualBytes));
    }

    @Override
    public String[] getCodes() {
        return new String[] {messageKey};
    }

    @Override
    public Object[] getArguments() {
        return arguments.toArray();
    }

    @Override
    public String getDefaultMessage() {
        return null;
    }
}
