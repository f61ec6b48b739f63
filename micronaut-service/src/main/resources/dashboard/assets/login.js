// The login form of the semcache dashboard. The server answers /dashboard with this page (status 401) when an admin
// token is configured and the request did not present it.
(function () {
  'use strict';
  var KEY = 'semcache.adminToken';
  var params = new URLSearchParams(window.location.search);
  if (params.has('token')) {
    // The server saw a token and refused it: forget it and say so.
    sessionStorage.removeItem(KEY);
    document.getElementById('login-error').hidden = false;
    params.delete('token');
    var rest = params.toString();
    history.replaceState(null, '', window.location.pathname + (rest ? '?' + rest : ''));
    return;
  }
  var stored = sessionStorage.getItem(KEY);
  if (stored) {
    // A reload of the dashboard in a tab that signed in before: present the stored token once more.
    params.set('token', stored);
    window.location.replace(window.location.pathname + '?' + params.toString());
  }
})();
