package org.originbridge.origin.determination;

/**
 * A provision of RCEP Chapter 3 or Annex 3A that a determination applied.
 *
 * @param article the citation: {@code 3.6(c)}, {@code 3.7.1(a)}, {@code Annex 3A headnote 2}, ...
 * @param title   what it says, in a few words
 */
public record AppliedArticle(String article, String title) {

    /** {@code Art 3.6(c) (minimal operations: simple processes)}. */
    public String label() {
        return (article.startsWith("Annex") ? "" : "Art ") + article + " (" + title + ")";
    }
}
