package cn.qualify.shared.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The landing page; a logged-in user goes straight to the area of their role. */
@Controller
class HomeController {

    @GetMapping("/")
    String home(Authentication authentication) {
        if (authentication != null && authentication.isAuthenticated()) {
            for (var authority : authentication.getAuthorities()) {
                switch (authority.getAuthority()) {
                    case "ROLE_CANDIDATE" -> {
                        return "redirect:/candidate";
                    }
                    case "ROLE_POINT_REVIEWER", "ROLE_DISTRICT_REVIEWER" -> {
                        return "redirect:/review";
                    }
                    case "ROLE_ADMIN" -> {
                        return "redirect:/admin";
                    }
                    default -> {}
                }
            }
        }
        return "home";
    }
}
