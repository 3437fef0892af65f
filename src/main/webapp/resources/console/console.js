// The console's only script (no inline script anywhere: the CSP forbids it).
// Copy buttons: <button data-copy="elementId"> copies that element's text.
document.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-copy]");
    if (!button) {
        return;
    }
    var source = document.getElementById(button.getAttribute("data-copy"));
    var text = source ? source.textContent.trim() : "";
    var done = function () {
        button.textContent = "Copied";
    };
    if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () {
            copyBySelection(source, done);
        });
    } else {
        copyBySelection(source, done);
    }
});

function copyBySelection(element, done) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
    if (document.execCommand("copy")) {
        done();
    }
}
