-- A headless check of Baton's language server through Neovim's own LSP client: opens a
-- design with the configuration of baton.lua (the one docs/editors.md shows), waits for the
-- server to publish diagnostics for it, prints them as JSON lines on standard output and
-- quits: exit status 0 once diagnostics were published (even none), 1 when none came in time.
--
--   BATON_LSP_DESIGN=samples/retry-storm.baton BATON_PATH=.build/debug/baton \
--     nvim --headless -u NONE -i NONE -n -c 'luafile integrations/neovim/lsp-diagnostics.lua'
--
-- BATON_PATH defaults to `baton` on PATH; BATON_LSP_TIMEOUT_MS to 20000.

local function fail(message)
  io.stderr:write('lsp-diagnostics: ' .. message .. '\n')
  vim.cmd('cquit')
end

local design = os.getenv('BATON_LSP_DESIGN')
if not design or design == '' then fail('set BATON_LSP_DESIGN to a .baton file') return end
local timeout = tonumber(os.getenv('BATON_LSP_TIMEOUT_MS') or '') or 20000
vim.g.baton_path = os.getenv('BATON_PATH')

-- Neovim 0.7 (Debian 12's) predates vim.lsp.start and vim.fs, and needs filetype.lua switched
-- on for vim.filetype.add: stand-ins from its own API, so that the same configuration runs.
if vim.lsp.start == nil then
  vim.lsp.start = function(config, opts)
    local id = vim.lsp.start_client(config)
    if id then vim.lsp.buf_attach_client((opts and opts.bufnr) or 0, id) end
    return id
  end
end
if vim.fs == nil then
  vim.fs = {
    find = function() return {} end,
    dirname = function(path) return vim.fn.fnamemodify(path, ':h') end,
  }
end
vim.g.do_filetype_lua = 1

local here = debug.getinfo(1, 'S').source:sub(2)
dofile(vim.fn.fnamemodify(here, ':h') .. '/baton.lua')
vim.cmd('filetype on')

-- Note when the server publishes for our document (an empty list counts).
local published = false
local target = vim.uri_from_fname(vim.fn.fnamemodify(design, ':p'))
local publish = vim.lsp.handlers['textDocument/publishDiagnostics']
vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, result, ctx, config)
  publish(err, result, ctx, config)
  if result and result.uri == target then published = true end
end

vim.cmd('edit ' .. vim.fn.fnameescape(design))
local buf = vim.api.nvim_get_current_buf()
if vim.bo[buf].filetype ~= 'baton' then
  fail('the buffer has file type "' .. vim.bo[buf].filetype .. '", not "baton"')
  return
end

if not vim.wait(timeout, function() return published end, 50) then
  fail('no diagnostics published within ' .. timeout .. ' ms')
  return
end

local encode = (vim.json and vim.json.encode) or vim.fn.json_encode
local severities = { 'error', 'warning', 'info', 'hint' }
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local lsp = (d.user_data and d.user_data.lsp) or {}
  io.stdout:write(encode({
    line = d.lnum + 1,
    column = d.col + 1,
    endLine = (d.end_lnum or d.lnum) + 1,
    endColumn = (d.end_col or d.col) + 1,
    severity = severities[d.severity] or tostring(d.severity),
    code = d.code or lsp.code or vim.NIL,
    source = d.source or vim.NIL,
    message = d.message,
    related = lsp.relatedInformation and #lsp.relatedInformation or 0,
  }) .. '\n')
end
io.stdout:flush()
vim.cmd('qall!')
