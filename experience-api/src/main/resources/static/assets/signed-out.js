// the identity provider sends the tool's name back as state
const tool = new URLSearchParams(location.search).get('state');
if (['agent', 'portal', 'store'].includes(tool)) {
  document.getElementById('back').href = `/${tool}/`;
  document.getElementById('back').textContent = 'Sign in again';
}
