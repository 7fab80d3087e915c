// The caregiver's phone page: fills the location into check-in/out forms from the browser's
// geolocation before they are sent, and drives the on-screen keypad for the elder's code.
(function () {
  'use strict';
  var lang = document.documentElement.lang === 'en' ? 'en' : 'zh';
  var text = {
    zh: {
      locating: '正在获取您的位置，请稍候……',
      denied: '没有定位权限。请在手机设置里允许本网页使用位置，然后再点一次按钮。',
      unavailable: '暂时无法获取位置。请到室外或打开 GPS 后再点一次按钮。',
      unsupported: '这个浏览器不能提供位置。请换用手机自带浏览器，或联系调度员代为登记。'
    },
    en: {
      locating: 'Finding your location, please wait…',
      denied: 'Location permission is off. Allow this page to use your location in the phone settings, then tap the button again.',
      unavailable: 'Your location is not available right now. Go outdoors or turn on GPS, then tap the button again.',
      unsupported: 'This browser cannot give your location. Use the phone\'s own browser, or ask the dispatcher to record it.'
    }
  }[lang];

  function show(form, message) {
    var box = form.querySelector('.geo-status');
    if (box) {
      box.textContent = message;
      box.hidden = false;
    }
  }

  document.querySelectorAll('form.geo').forEach(function (form) {
    form.addEventListener('submit', function (event) {
      var lat = form.querySelector('input[name=lat]');
      var lng = form.querySelector('input[name=lng]');
      if (lat.value && lng.value) {
        return; // located: send
      }
      var optional = form.classList.contains('optional');
      if (!('geolocation' in navigator)) {
        if (!optional) {
          event.preventDefault();
          show(form, text.unsupported);
        }
        return;
      }
      event.preventDefault();
      var button = form.querySelector('button[type=submit]');
      if (button) {
        button.disabled = true;
      }
      show(form, text.locating);
      navigator.geolocation.getCurrentPosition(function (pos) {
        lat.value = pos.coords.latitude.toFixed(6);
        lng.value = pos.coords.longitude.toFixed(6);
        form.submit();
      }, function (err) {
        if (button) {
          button.disabled = false;
        }
        if (optional) {
          form.submit();
          return;
        }
        show(form, err && err.code === 1 ? text.denied : text.unavailable);
      }, {enableHighAccuracy: true, timeout: 30000, maximumAge: 60000});
    });
  });

  var code = document.getElementById('code');
  document.querySelectorAll('.keypad .key[data-key]').forEach(function (key) {
    key.addEventListener('click', function () {
      var k = key.getAttribute('data-key');
      if (k === 'del') {
        code.value = code.value.slice(0, -1);
      } else if (code.value.length < 4) {
        code.value += k;
      }
      code.focus();
    });
  });
})();
