package cn.qualify.identity;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps the last verification code per phone, so that tests can type it in. */
class CapturingSmsSender implements SmsSender {

    private final Map<String, String> lastCodes = new ConcurrentHashMap<>();

    @Override
    public void sendVerificationCode(String phone, String code, Duration validFor) {
        lastCodes.put(phone, code);
    }

    String lastCodeFor(String phone) {
        return lastCodes.get(phone);
    }
}
