package cn.qualify.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@BrowserTest
class PagesBrowserIntegrationTests {

    @LocalServerPort
    int port;

    Chromium chromium;

    @BeforeEach
    void start() {
        chromium = Chromium.start(port);
    }

    @AfterEach
    void stop() {
        chromium.close();
    }

    @Test
    void home() {
        chromium.open("/");
        chromium.screenshot("home", Chromium.DESKTOP);
        chromium.resize(Chromium.PHONE);
        chromium.open("/");
        chromium.screenshot("home", Chromium.PHONE);
        assertThat(chromium.text()).contains("医师资格考试");
        System.out.println("overflow " + chromium.horizontalOverflow() + " " + chromium.overflowingElements());
        System.out.println("unlabelled " + chromium.unlabelledControls());
        System.out.println("console " + chromium.consoleErrors());
    }
}
