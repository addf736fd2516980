;;; lspModeDiagnostics.el --- pyreview's diagnostics in Emacs's lsp-mode  -*- lexical-binding: t -*-
;; Emacs 28 with lsp-mode 8 (Debian's emacs-nox and elpa-lsp-mode), in batch mode: the client
;; registered as the README's init.el does, a Python file opened, and the codes of the diagnostics
;; lsp-mode received printed as one JSON line. Input from the environment: PYREVIEW_SERVER_CMD
;; (JSON list), PYREVIEW_FILE.
(require 'lsp-mode)
(require 'python)
(require 'json)
(load (expand-file-name "editorReport.el" (file-name-directory load-file-name)) nil t)

(defun pyreview-codes ()
  (let ((diagnostics (gethash (buffer-file-name) (lsp-diagnostics t))))
    (sort (mapcar (lambda (diagnostic) (gethash "code" diagnostic)) diagnostics) #'string<)))

(defun pyreview-run (result)
  (let ((command (append (json-read-from-string (getenv "PYREVIEW_SERVER_CMD")) nil))
        (state (make-temp-file "pyreview-lsp-mode" t)))
    ;; A quiet, throw-away session: no questions about the project root, no UI that batch mode lacks.
    (setq lsp-auto-guess-root t
          lsp-session-file (expand-file-name "session" state)
          lsp-server-install-dir (expand-file-name "servers" state)
          lsp-diagnostics-provider :none
          lsp-enable-file-watchers nil
          lsp-modeline-workspace-status-enable nil
          lsp-modeline-code-actions-enable nil
          lsp-modeline-diagnostics-enable nil
          lsp-headerline-breadcrumb-enable nil
          lsp-lens-enable nil)
    ;; The README's init.el, with the full server command.
    (with-eval-after-load 'lsp-mode
      (lsp-register-client
       (make-lsp-client :new-connection (lsp-stdio-connection command)
                        :activation-fn (lsp-activate-on "python")
                        :server-id 'pyreview
                        :add-on? t)))
    (add-hook 'python-mode-hook #'lsp-deferred)
    (find-file (getenv "PYREVIEW_FILE"))
    ;; `lsp-deferred' waits for the buffer to be shown in a window, which batch mode never does.
    (unless (lsp-workspaces) (lsp))
    (pyreview-wait #'pyreview-codes)
    (puthash "before" (vconcat (pyreview-codes)) result)
    (puthash "after" [] result)
    (puthash "actions" [] result)
    (puthash "servers" (vconcat (mapcar (lambda (workspace) (symbol-name (lsp--client-server-id (lsp--workspace-client workspace))))
                                        (lsp-workspaces)))
             result)
    (lsp-workspace-shutdown (car (lsp-workspaces)))
    (delete-directory state t)))

(pyreview-report #'pyreview-run)
