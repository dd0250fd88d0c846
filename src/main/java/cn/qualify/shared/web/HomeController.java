package cn.qualify.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page; a logged-in user goes straight to the area of their role, the one the navigation links to. */
@Controller
class HomeController {

    private final Navigation navigation;

    HomeController(Navigation navigation) {
        this.navigation = navigation;
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        var links = navigation.of(authentication);
        if (links.candidate()) {
            return "redirect:/candidate";
        }
        if (links.reviewer()) {
            return "redirect:/review";
        }
        if (links.admin()) {
            return "redirect:/admin";
        }
        return "home";
    }
}
