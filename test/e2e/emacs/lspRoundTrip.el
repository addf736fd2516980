;;; lspRoundTrip.el --- drive pyreview through Emacs's eglot  -*- lexical-binding: t -*-
;; Emacs 28 with eglot 1.9 (Debian's emacs-nox and elpa-eglot), in batch mode with the
;; site files (`-q', not `-Q': Debian puts eglot on the load path there): open a file,
;; set up as the README's init.el says, read the diagnostics flymake shows, pick one quick fix the way `M-x eglot-code-actions'
;; does, save, and read the diagnostics again. Prints one JSON line on stdout and exits.
;; Input comes from the environment: PYREVIEW_SERVER_CMD (JSON list), PYREVIEW_FILE,
;; PYREVIEW_FIX_CODE (the code to fix), PYREVIEW_FIX_TITLE, PYREVIEW_SPAN_CODE (a code
;; whose highlighted text is reported, to check columns after non-ASCII characters).
(require 'eglot)
(require 'python)
(require 'json)
(require 'cl-lib)
(load (expand-file-name "editorReport.el" (file-name-directory load-file-name)) nil t)

(defun pyreview-code (diagnostic)
  "The code eglot shows as \"pyreview [CODE]: message\"."
  (let ((text (flymake-diagnostic-text diagnostic)))
    (and (string-match "\\[\\([A-Z]+[0-9]+\\)\\]" text) (match-string 1 text))))

(defun pyreview-codes ()
  (sort (delq nil (mapcar #'pyreview-code (flymake-diagnostics))) #'string<))

(defun pyreview-diagnostic (code)
  (cl-find code (flymake-diagnostics) :key #'pyreview-code :test #'equal))

(defun pyreview-run (result)
  (let* ((file (getenv "PYREVIEW_FILE"))
         (fix-code (getenv "PYREVIEW_FIX_CODE"))
         (title (getenv "PYREVIEW_FIX_TITLE"))
         (command (append (json-read-from-string (getenv "PYREVIEW_SERVER_CMD")) nil)))
    ;; The README's init.el, with the full server command.
    (with-eval-after-load 'eglot
      (add-to-list 'eglot-server-programs `(python-mode . ,command)))
    (add-hook 'python-mode-hook #'eglot-ensure)
    (setq-default eglot-workspace-configuration '((:pyreview . (:severity (:F401 "hint")))))
    (find-file file)
    ;; `eglot-ensure' connects once the current command ends; batch mode runs no command.
    (run-hooks 'post-command-hook)
    (unless (pyreview-wait (lambda () (flymake-diagnostics))) (error "no diagnostics"))
    (puthash "before" (vconcat (pyreview-codes)) result)
    (puthash "f401_type" (symbol-name (flymake-diagnostic-type (pyreview-diagnostic "F401"))) result)
    (let ((span (pyreview-diagnostic (getenv "PYREVIEW_SPAN_CODE"))))
      (when span
        (puthash "span" (buffer-substring-no-properties (flymake-diagnostic-beg span) (flymake-diagnostic-end span)) result)))
    (let ((target (or (pyreview-diagnostic fix-code) (error "no %s diagnostic" fix-code)))
          (offered nil))
      (goto-char (flymake-diagnostic-beg target))
      ;; The interactive path: eglot asks which action to run; the answer is the fix's title.
      (cl-letf (((symbol-function 'completing-read)
                 (lambda (_prompt collection &rest _)
                   (setq offered (mapcar #'car collection))
                   (or (cl-find-if (lambda (candidate) (string-match-p (regexp-quote title) candidate)) offered)
                       (error "no code action titled %s" title)))))
        (let ((last-nonmenu-event 'keyboard))
          (eglot-code-actions (line-beginning-position) (line-end-position) nil t)))
      (puthash "actions" (vconcat offered) result)
      (save-buffer)
      (puthash "diagnostics_updated"
               (if (pyreview-wait (lambda () (and (flymake-diagnostics) (not (pyreview-diagnostic fix-code))))) t :false)
               result)
      (puthash "after" (vconcat (pyreview-codes)) result)
      (eglot-shutdown (eglot-current-server)))))

(pyreview-report #'pyreview-run)
