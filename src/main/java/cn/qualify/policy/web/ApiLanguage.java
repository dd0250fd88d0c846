package cn.qualify.policy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.WebUtils;

/**
 * API clients say their language with {@code Accept-Language}, which the pages ignore (they stay Chinese unless
 * {@code ?lang} or its cookie says otherwise). For the evaluation endpoint, the header decides when neither is
 * given, for its result and for its problem details alike.
 */
@Configuration(proxyBeanMethods = false)
class ApiLanguage implements WebMvcConfigurer, HandlerInterceptor {

    private static final List<Locale> SUPPORTED = List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH);

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/api/v1/policy/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        String header = request.getHeader("Accept-Language");
        if (header == null
                || request.getParameter("lang") != null
                || WebUtils.getCookie(request, "QUALIFY_LANG") != null) {
            return true;
        }
        try {
            var ranges = Locale.LanguageRange.parse(header);
            Locale chosen = Locale.lookup(ranges, SUPPORTED);
            if (chosen == null) {
                chosen = ranges.stream()
                        .map(range -> Locale.forLanguageTag(range.getRange()).getLanguage())
                        .filter(language -> language.equals("en") || language.equals("zh"))
                        .findFirst()
                        .map(language -> language.equals("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE)
                        .orElse(null);
            }
            if (chosen != null) {
                LocaleContextHolder.setLocale(chosen);
            }
        } catch (IllegalArgumentException malformedHeader) {
            // an unreadable header leaves the default language
        }
        return true;
    }
}
