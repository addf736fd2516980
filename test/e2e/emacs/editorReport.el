;;; editorReport.el --- what the Emacs test scripts share  -*- lexical-binding: t -*-
;; Waiting for the server's messages, and the one JSON line each script prints before Emacs exits.
(require 'json)

(defconst pyreview-timeout 20.0)

(defun pyreview-wait (predicate)
  "Handles the server's messages and timers until PREDICATE holds or the time is up."
  (let ((deadline (+ (float-time) pyreview-timeout)))
    (while (and (not (funcall predicate)) (< (float-time) deadline))
      (accept-process-output nil 0.05))
    (funcall predicate)))

(defun pyreview-report (run)
  "Calls RUN with a hash table to fill, prints the table as one JSON line (with any error) and exits."
  (let ((result (make-hash-table :test #'equal)))
    (condition-case err
        (funcall run result)
      (error (puthash "error" (error-message-string err) result)))
    (princ (concat (json-encode result) "\n"))
    (kill-emacs 0)))
