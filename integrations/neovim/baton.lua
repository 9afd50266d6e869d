-- Baton in Neovim 0.8 or later, with the built-in LSP client and no plugins: the `baton`
-- file type for *.baton files, and `baton lsp` started for every such buffer.
-- Put it in your init.lua (or require it from there). vim.g.baton_path names the executable
-- when `baton` is not on PATH.
vim.filetype.add({ extension = { baton = 'baton' } })

vim.api.nvim_create_autocmd('FileType', {
  pattern = 'baton',
  callback = function(args)
    vim.bo[args.buf].commentstring = '# %s'
    local marker = vim.fs.find({ '.baton.json', '.git' }, {
      upward = true,
      path = vim.fs.dirname(vim.api.nvim_buf_get_name(args.buf)),
    })[1]
    vim.lsp.start({
      name = 'baton',
      cmd = { vim.g.baton_path or 'baton', 'lsp' },
      root_dir = marker and vim.fs.dirname(marker) or vim.fn.getcwd(),
    }, { bufnr = args.buf })
  end,
})
