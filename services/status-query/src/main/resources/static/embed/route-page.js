/*
 * The route page's text part (where the cargo is, the port calls table) follows the map: when
 * <originbridge-route> reports a changed route, the page is read again from the server and its
 * ".ob-route-text" section swapped in, so the sentence stays the server's one rendering (the same
 * page works without JavaScript) and the map and the text never disagree.
 */
(function () {
  'use strict';
  let latest = 0;
  document.addEventListener('originbridge-route', function () {
    const ticket = ++latest;
    fetch(window.location.href, { headers: { Accept: 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null || ticket !== latest) {
          return; // a newer update is on its way, or the page is no longer answerable
        }
        const fresh = new DOMParser().parseFromString(html, 'text/html').querySelector('.ob-route-text');
        const current = document.querySelector('.ob-route-text');
        if (fresh && current && fresh.innerHTML !== current.innerHTML) {
          current.replaceWith(document.importNode(fresh, true));
        }
      })
      .catch(function () { /* the map still shows the live state; the text refreshes on the next change */ });
  });
}());
