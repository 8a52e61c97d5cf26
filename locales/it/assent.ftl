## This language's own name, as the language switcher shows it.

language-name = Italiano

## The hosted consent page.

page-language = Lingua
page-asks-consent = { $org } chiede il suo consenso
page-notice = Informativa
page-purposes = Per quali finalità saranno utilizzati i suoi dati
page-purposes-hint = Selezioni le finalità che accetta, poi salvi le sue scelte. Oppure può accettarle o rifiutarle tutte.
page-required = Obbligatorio
page-data-used = Dati utilizzati: { $categories }
page-approve = Accetta
page-decline = Rifiuta
page-save = Salva le scelte
page-withdraw = Revoca il consenso
page-receipt-title = La sua decisione è stata registrata
page-receipt-summary =
    { $action ->
        [approved] Ha accettato tutte le finalità il { $date }.
        [declined] Ha rifiutato tutte le finalità il { $date }.
        [withdrawn] Ha revocato il suo consenso il { $date }.
       *[partial] Ha accettato alcune finalità il { $date }.
    }
page-granted = Consentito
page-not-granted = Non consentito
page-reference = Riferimento: { $reference }
page-change-hint = Può modificare o revocare la sua decisione in qualsiasi momento tramite questo stesso link.
page-receipt-download = Scarica la ricevuta firmata
page-export = Scarica tutto ciò che è stato registrato riguardo al suo consenso
page-valid-until = Questo link è valido fino al { $date }.
page-expired-title = Questo link è scaduto
page-expired-body = I link di consenso sono validi per un periodo limitato. Ne chieda uno nuovo all’organizzazione che glielo ha inviato.
page-replaced-title = Questo link è stato sostituito
page-replaced-body = Per questa richiesta è stato inviato un link più recente. Utilizzi l’ultimo messaggio che ha ricevuto.
page-unknown-title = Link non trovato
page-unknown-body = Questo link di consenso non esiste. Verifichi di aver aperto il link completo.
page-error-title = Si è verificato un errore
page-error-body = Riprovi tra qualche istante.

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
        [one] Con questo link sono state prese molte decisioni in poco tempo. La sua ultima scelta non è stata salvata; riprovi tra { $minutes } minuto.
        [many] Con questo link sono state prese molte decisioni in poco tempo. La sua ultima scelta non è stata salvata; riprovi tra { $minutes } minuti.
       *[other] Con questo link sono state prese molte decisioni in poco tempo. La sua ultima scelta non è stata salvata; riprovi tra { $minutes } minuti.
    }
decision-missing = Scelga un’opzione: “Accetta”, “Salva le scelte” o “Rifiuta”.
decision-invalid = Questa scelta non può essere salvata: l’informativa è cambiata dopo l’apertura di questa pagina. Ricarichi la pagina e scelga di nuovo.
decision-unreadable = La sua scelta non è arrivata. Riprovi.
decision-failed-body = La sua decisione non è stata salvata. Riprovi.

## The email that carries a consent link.

email-link-subject = { $org }: richiesta di consenso
email-link-heading = { $org } chiede il suo consenso
email-link-intro = { $org } chiede il suo consenso per “{ $collection }”. Legga come verrebbero utilizzati i suoi dati e decida per ciascuna finalità.
email-link-button = Leggi e decidi
email-link-expiry = Il link è valido fino al { $date }. In seguito potrà modificare o revocare la sua decisione tramite lo stesso link.
