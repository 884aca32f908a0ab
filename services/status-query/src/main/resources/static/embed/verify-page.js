// Live updates for the server-rendered verification page and the iframe card (progressive
// enhancement: both work without JavaScript). Follows the card's Server-Sent Events stream and
// reloads the page when the verification state or a check changes, so the server renders it again.
const card = document.querySelector('[data-live]');
if (card && 'EventSource' in window) {
  const rendered = card.getAttribute('data-fingerprint');
  const events = new EventSource(card.getAttribute('data-live'));
  events.addEventListener('card', (event) => {
    const next = JSON.parse(event.data);
    const fingerprint = next.state + ':' + next.checks.map((c) => c.state).join(',');
    if (fingerprint !== rendered) {
      events.close();
      window.location.reload();
    }
  });
}
