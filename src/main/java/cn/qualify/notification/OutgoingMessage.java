package cn.qualify.notification;

import java.util.List;
import java.util.UUID;

/**
 * One message on its way through one channel.
 *
 * @param deliveryId stable across retries; adapters pass it to gateways as an idempotency key
 * @param title the rendered title (Chinese)
 * @param body the rendered text (Chinese)
 * @param args the notice's arguments, for gateways that fill their own templates
 */
record OutgoingMessage(
        UUID deliveryId, Recipient recipient, NoticeKind kind, String title, String body, List<String> args) {}
