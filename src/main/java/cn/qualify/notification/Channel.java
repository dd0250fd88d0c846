package cn.qualify.notification;

/** Where a candidate receives notifications. The inbox is always on; the others as the candidate chooses. */
enum Channel {
    INBOX,
    EMAIL,
    SMS,
    WECHAT;

    boolean isExternal() {
        return this != INBOX;
    }
}
