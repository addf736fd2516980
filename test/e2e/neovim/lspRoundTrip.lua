-- Drives the pyreview server through Neovim's built-in LSP client (0.7 API: start_client +
-- buf_attach_client): open a file, read diagnostics, request and apply one quick fix, write
-- the file, read the diagnostics again. Prints one JSON line on stdout (headless `print` goes
-- to stderr) and quits. Input comes from the environment: PYREVIEW_SERVER_CMD (JSON list),
-- PYREVIEW_FILE, PYREVIEW_FIX_CODE (the diagnostic code to fix), PYREVIEW_FIX_TITLE.
local result = { before = {}, after = {}, actions = {} }
local TIMEOUT_MS = 15000

local function codes(buf)
  local list = {}
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    table.insert(list, diagnostic.code)
  end
  table.sort(list)
  return list
end

local function run()
  local file = os.getenv('PYREVIEW_FILE')
  local fix_code = os.getenv('PYREVIEW_FIX_CODE')
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  local buf = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'pyreview',
    cmd = vim.fn.json_decode(os.getenv('PYREVIEW_SERVER_CMD')),
    root_dir = vim.fn.fnamemodify(file, ':h'),
    -- Neovim 0.7 delays didChange by 150 ms otherwise.
    flags = { debounce_text_changes = 0 },
  })
  assert(client_id, 'the server did not start')
  vim.lsp.buf_attach_client(buf, client_id)

  assert(vim.wait(TIMEOUT_MS, function() return #vim.diagnostic.get(buf) > 0 end, 20), 'no diagnostics')
  result.before = codes(buf)

  local target
  for _, diagnostic in ipairs(vim.diagnostic.get(buf)) do
    if diagnostic.code == fix_code then target = diagnostic end
  end
  assert(target, 'no ' .. fix_code .. ' diagnostic')
  local line_diagnostics = vim.lsp.diagnostic.get_line_diagnostics(buf, target.lnum)
  local params = {
    textDocument = vim.lsp.util.make_text_document_params(buf),
    range = line_diagnostics[1].range,
    context = { diagnostics = line_diagnostics },
  }
  local responses = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, TIMEOUT_MS)
  local client = vim.lsp.get_client_by_id(client_id)
  local chosen
  for _, response in pairs(responses or {}) do
    for _, action in ipairs(response.result or {}) do
      table.insert(result.actions, action.title)
      if action.title:find(os.getenv('PYREVIEW_FIX_TITLE'), 1, true) then chosen = action end
    end
  end
  assert(chosen, 'no code action titled ' .. os.getenv('PYREVIEW_FIX_TITLE'))
  result.applied = chosen.title
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  vim.cmd('write')

  local function fixed()
    for _, code in ipairs(codes(buf)) do
      if code == fix_code then return false end
    end
    return true
  end
  result.diagnostics_updated = vim.wait(TIMEOUT_MS, fixed, 20)
  result.after = codes(buf)
  vim.lsp.stop_client(client_id)
end

local ok, err = pcall(run)
if not ok then result.error = tostring(err) end
io.stdout:write(vim.fn.json_encode(result) .. '\n')
vim.cmd('qall!')
