/*
 * PrimeFaces draws a picker of several names (autoComplete multiple) as a listbox whose options are the names picked
 * and whose last item holds the text field. Screen readers (and axe-core) find a listbox with an unnamed non-option in
 * it. The text field carries the label and the picking; the names picked are plain list items with their text.
 */
(function () {
  function plainLists(root) {
    (root.querySelectorAll ? root : document).querySelectorAll('ul.ui-autocomplete-multiple-container[role]').forEach(function (list) {
      list.removeAttribute('role');
      list.removeAttribute('aria-orientation');
    });
    (root.querySelectorAll ? root : document).querySelectorAll('li.ui-autocomplete-token[role]').forEach(function (token) {
      token.removeAttribute('role');
      token.removeAttribute('aria-selected');
      token.removeAttribute('aria-label');
    });
  }
  function watch() {
    plainLists(document);
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        change.addedNodes.forEach(function (node) {
          if (node.nodeType === 1) {
            plainLists(node.parentNode || node);
          }
        });
      });
    }).observe(document.body, {childList: true, subtree: true});
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', watch);
  } else {
    watch();
  }
})();
