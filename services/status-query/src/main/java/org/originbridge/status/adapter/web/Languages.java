package org.originbridge.status.adapter.web;

import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.servlet.LocaleResolver;

/**
 * The languages of the verification face: English, Chinese, Vietnamese and Malay (message bundles
 * {@code i18n/messages*.properties}). A {@code ?lang=} parameter wins, then the first supported
 * language of Accept-Language, then English. Anything else in {@code lang} is ignored.
 */
public final class Languages implements LocaleResolver {

    public static final List<String> SUPPORTED = List.of("en", "zh", "vi", "ms");
    private static final Locale DEFAULT = Locale.ENGLISH;

    /** The supported locale for a {@code lang} value, or null. */
    public static Locale supported(String lang) {
        if (lang == null || lang.length() > 35) {
            return null;
        }
        String language = lang.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return SUPPORTED.contains(language) ? new Locale(language) : null;
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        Locale fromParameter = supported(request.getParameter("lang"));
        if (fromParameter != null) {
            return fromParameter;
        }
        if (request.getHeader("Accept-Language") != null) {
            Enumeration<Locale> locales = request.getLocales();
            while (locales.hasMoreElements()) {
                Locale candidate = supported(locales.nextElement().getLanguage());
                if (candidate != null) {
                    return candidate;
                }
            }
        }
        return DEFAULT;
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        throw new UnsupportedOperationException("the language comes from ?lang= or Accept-Language");
    }
}
