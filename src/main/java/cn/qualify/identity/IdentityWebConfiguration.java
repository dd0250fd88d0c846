package cn.qualify.identity;

import java.util.List;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets controllers of every module declare an {@link Account} parameter for the logged-in account, or an
 * {@link AccountId} parameter for its id alone.
 */
@Configuration(proxyBeanMethods = false)
class IdentityWebConfiguration implements WebMvcConfigurer {

    static {
        // The account comes from the session, never from the request: the API document must not ask clients for it
        // (it showed as a query parameter of every such operation, and as the body of the multipart upload).
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Account.class, AccountId.class);
    }

    private final CurrentAccount currentAccount;

    IdentityWebConfiguration(CurrentAccount currentAccount) {
        this.currentAccount = currentAccount;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Account.class || parameter.getParameterType() == AccountId.class;
            }

            @Override
            public Object resolveArgument(
                    MethodParameter parameter,
                    ModelAndViewContainer mavContainer,
                    NativeWebRequest webRequest,
                    WebDataBinderFactory binderFactory) {
                var account = parameter.getParameterType() == AccountId.class
                        ? currentAccount.id().map(AccountId::new)
                        : currentAccount.get();
                return account.orElseThrow(() -> new AuthenticationCredentialsNotFoundException("Nobody is logged in"));
            }
        });
    }
}
