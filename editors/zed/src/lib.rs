// Zed starts only the language servers an extension names; this one runs
// `copydesk lsp` from the PATH of the project's shell, with that shell's
// environment, for Markdown and plain text.
use zed_extension_api as zed;

struct Copydesk;

impl zed::Extension for Copydesk {
    fn new() -> Self {
        Copydesk
    }

    fn language_server_command(
        &mut self,
        _id: &zed::LanguageServerId,
        worktree: &zed::Worktree,
    ) -> zed::Result<zed::Command> {
        let command = worktree.which("copydesk").ok_or_else(|| {
            "copydesk is not on the PATH: go install github.com/copydesk/copydesk/cmd/copydesk@latest"
                .to_string()
        })?;
        Ok(zed::Command {
            command,
            args: vec!["lsp".into()],
            env: worktree.shell_env(),
        })
    }
}

zed::register_extension!(Copydesk);
