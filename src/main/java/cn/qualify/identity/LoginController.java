package cn.qualify.identity;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The one log-in page for everybody: candidates type their identity document number, staff their user name.
 * Spring Security's form log-in handles the POST; failures come back here with their message as a flash
 * attribute ({@link LoginFailureHandler}).
 */
@Controller
class LoginController {

    @GetMapping("/login")
    String login(Model model) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInAccount) {
            return "redirect:/";
        }
        return "identity/login";
    }
}
