package cn.qualify.notification;

import cn.qualify.identity.CurrentAccount;
import cn.qualify.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the candidate's number of unread messages into every rendered page as {@code inboxUnread}, for the page
 * frame's inbox link. Redirects, JSON and other roles cost nothing.
 */
@Configuration(proxyBeanMethods = false)
class UnreadCountInterceptor implements HandlerInterceptor, WebMvcConfigurer {

    static final String ATTRIBUTE = "inboxUnread";

    private final Inbox inbox;
    private final CurrentAccount currentAccount;

    UnreadCountInterceptor(Inbox inbox, CurrentAccount currentAccount) {
        this.inbox = inbox;
        this.currentAccount = currentAccount;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).excludePathPatterns("/api/**", "/css/**", "/js/**", "/img/**", "/webjars/**");
    }

    @Override
    public void postHandle(
            HttpServletRequest request, HttpServletResponse response, Object handler, ModelAndView modelAndView) {
        if (modelAndView == null
                || !modelAndView.hasView()
                || (modelAndView.getViewName() != null
                        && modelAndView.getViewName().startsWith("redirect:"))
                || !isCandidate()) {
            return;
        }
        currentAccount.id().ifPresent(id -> modelAndView.addObject(ATTRIBUTE, inbox.unread(String.valueOf(id))));
    }

    private static boolean isCandidate() {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null
                && authentication.getAuthorities().stream()
                        .anyMatch(authority -> Role.CANDIDATE.authority().equals(authority.getAuthority()));
    }
}
