// Check-in desk: scan the QR code with the camera where the browser can (BarcodeDetector);
// typing the code always works.
(function () {
  "use strict";
  var form = document.querySelector("[data-checkin-form]");
  if (!form || !("BarcodeDetector" in window) || !navigator.mediaDevices) { return; }
  var button = form.querySelector("[data-scan]");
  var video = form.querySelector(".scanner-video");
  var input = form.querySelector("#checkin-code");
  button.parentNode.hidden = false;
  button.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } }).then(function (stream) {
      video.srcObject = stream;
      video.hidden = false;
      video.play();
      var scan = function () {
        detector.detect(video).then(function (codes) {
          if (codes.length) {
            stream.getTracks().forEach(function (track) { track.stop(); });
            input.value = codes[0].rawValue;
            form.submit();
          } else {
            window.requestAnimationFrame(scan);
          }
        }).catch(function () { window.requestAnimationFrame(scan); });
      };
      scan();
    }).catch(function () { button.parentNode.hidden = true; });
  });
})();
