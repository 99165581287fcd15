import { completeSignIn, showError } from './hub.js';

completeSignIn().catch((failure) => {
  document.getElementById('progress').hidden = true;
  document.querySelector('h1').textContent = 'Sign-in did not complete';
  showError(failure);
  document.getElementById('again').hidden = false;
});
