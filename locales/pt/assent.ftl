## This language's own name, as the language switcher shows it.

language-name = Português

## The hosted consent page.

page-language = Idioma
page-asks-consent = { $org } solicita seu consentimento
page-notice = Aviso
page-purposes = Para que seus dados serão usados
page-purposes-hint = Marque as finalidades com as quais você concorda e salve suas escolhas. Você também pode aceitar ou recusar todas.
page-required = Obrigatório
page-data-used = Dados utilizados: { $categories }
page-approve = Aceitar
page-decline = Recusar
page-save = Salvar escolhas
page-withdraw = Revogar consentimento
page-receipt-title = Sua decisão foi registrada
page-receipt-summary =
    { $action ->
        [approved] Você aceitou todas as finalidades em { $date }.
        [declined] Você recusou todas as finalidades em { $date }.
        [withdrawn] Você revogou seu consentimento em { $date }.
       *[partial] Você aceitou algumas finalidades em { $date }.
    }
page-granted = Permitido
page-not-granted = Não permitido
page-reference = Referência: { $reference }
page-change-hint = Você pode alterar ou revogar sua decisão a qualquer momento por meio deste mesmo link.
page-receipt-download = Baixar o comprovante assinado
page-export = Baixar tudo o que foi registrado sobre seu consentimento
page-valid-until = Este link é válido até { $date }.
page-expired-title = Este link expirou
page-expired-body = Os links de consentimento são válidos por tempo limitado. Peça um novo à organização que enviou este link.
page-replaced-title = Este link foi substituído
page-replaced-body = Um link mais recente foi enviado para esta solicitação. Use a mensagem mais recente que você recebeu.
page-unknown-title = Link não encontrado
page-unknown-body = Este link de consentimento não existe. Verifique se você abriu o link completo.
page-error-title = Algo deu errado
page-error-body = Tente novamente em instantes.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] Muitas decisões foram tomadas com este link em pouco tempo. Sua última escolha não foi salva; tente novamente em { $minutes } minuto.
        [many] Muitas decisões foram tomadas com este link em pouco tempo. Sua última escolha não foi salva; tente novamente em { $minutes } minutos.
       *[other] Muitas decisões foram tomadas com este link em pouco tempo. Sua última escolha não foi salva; tente novamente em { $minutes } minutos.
    }
decision-missing = Escolha uma opção: “Aceitar”, “Salvar escolhas” ou “Recusar”.
decision-invalid = Esta escolha não pode ser salva: o aviso mudou depois que esta página foi aberta. Recarregue a página e escolha novamente.
decision-unreadable = Sua escolha não chegou. Tente novamente.
decision-failed-body = Sua decisão não foi salva. Tente novamente.

## The email that carries a consent link.

email-link-subject = { $org }: solicitação de consentimento
email-link-heading = { $org } solicita seu consentimento
email-link-intro = { $org } solicita seu consentimento para “{ $collection }”. Veja como seus dados serão usados e decida para cada finalidade.
email-link-button = Revisar e decidir
email-link-expiry = O link é válido até { $date }. Depois, você pode alterar ou revogar sua decisão pelo mesmo link.
