-- Notifications: one message per event and candidate (the in-app inbox), one delivery per message and external
-- channel (e-mail, SMS, WeChat) with its retries, the candidates' channel choices, and the deadline reminders sent.

CREATE TABLE notification_message (
    id UUID NOT NULL,
    candidate_id VARCHAR(64) NOT NULL,
    event_key VARCHAR(200) NOT NULL,
    kind VARCHAR(40) NOT NULL,
    application_id UUID,
    args VARCHAR(1000) NOT NULL,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    read_at TIMESTAMP WITH TIME ZONE,
    CONSTRAINT notification_message_pk PRIMARY KEY (id),
    CONSTRAINT notification_message_event_uq UNIQUE (event_key, candidate_id)
);
CREATE INDEX notification_message_inbox_ix ON notification_message (candidate_id, created_at);

CREATE TABLE notification_delivery (
    id UUID NOT NULL,
    message_id UUID NOT NULL,
    channel VARCHAR(20) NOT NULL,
    state VARCHAR(20) NOT NULL,
    attempts INT NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error VARCHAR(500),
    sent_at TIMESTAMP WITH TIME ZONE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_delivery_pk PRIMARY KEY (id),
    CONSTRAINT notification_delivery_message_fk FOREIGN KEY (message_id) REFERENCES notification_message (id),
    CONSTRAINT notification_delivery_channel_uq UNIQUE (message_id, channel),
    CONSTRAINT notification_delivery_state_ck CHECK (state IN ('PENDING', 'SENT', 'DEAD')),
    CONSTRAINT notification_delivery_channel_ck CHECK (channel IN ('EMAIL', 'SMS', 'WECHAT'))
);
CREATE INDEX notification_delivery_due_ix ON notification_delivery (state, next_attempt_at);

CREATE TABLE notification_preference (
    candidate_id VARCHAR(64) NOT NULL,
    email_enabled BOOLEAN NOT NULL,
    sms_enabled BOOLEAN NOT NULL,
    wechat_enabled BOOLEAN NOT NULL,
    email VARCHAR(200),
    wechat_open_id VARCHAR(64),
    updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT notification_preference_pk PRIMARY KEY (candidate_id)
);

-- A reminder is sent once per application, deadline and lead time; an extended deadline gets its own reminders.
CREATE TABLE deadline_reminder (
    application_id UUID NOT NULL,
    deadline TIMESTAMP WITH TIME ZONE NOT NULL,
    lead_hours INT NOT NULL,
    sent_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT deadline_reminder_pk PRIMARY KEY (application_id, deadline, lead_hours)
);
