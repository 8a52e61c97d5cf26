## This language's own name, as the language switcher shows it.

language-name = 日本語

## The hosted consent page.

page-language = 言語
page-asks-consent = { $org }があなたの同意を求めています
page-notice = お知らせ
page-purposes = データの利用目的
page-purposes-hint = 同意する目的にチェックを入れて、選択内容を保存してください。すべてに同意する、またはすべて拒否することもできます。
page-required = 必須
page-data-used = 利用するデータ：{ $categories }
page-approve = 同意する
page-decline = 拒否する
page-save = 選択内容を保存
page-withdraw = 同意を撤回
page-receipt-title = あなたの決定は記録されました
page-receipt-summary =
    { $action ->
        [approved] { $date }に、すべての目的に同意しました。
        [declined] { $date }に、すべての目的を拒否しました。
        [withdrawn] { $date }に、同意を撤回しました。
       *[partial] { $date }に、一部の目的に同意しました。
    }
page-granted = 許可
page-not-granted = 不許可
page-reference = 参照番号：{ $reference }
page-change-hint = この同じリンクから、いつでも決定を変更または撤回できます。
page-receipt-download = 署名付きの受領証をダウンロード
page-export = 同意に関して記録されたすべての内容をダウンロード
page-valid-until = このリンクは{ $date }まで有効です。
page-expired-title = このリンクは有効期限が切れています
page-expired-body = 同意用のリンクには有効期限があります。リンクを送信した組織に、新しいリンクを依頼してください。
page-replaced-title = このリンクは新しいリンクに置き換えられました
page-replaced-body = この件については、より新しいリンクが送信されています。最後に受け取ったメッセージをご利用ください。
page-unknown-title = リンクが見つかりません
page-unknown-body = この同意用リンクは存在しません。リンク全体を開いたかご確認ください。
page-error-title = 問題が発生しました
page-error-body = しばらくしてから、もう一度お試しください。

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
       *[other] このリンクで短時間に多くの決定が行われました。最後の選択は保存されていません。{ $minutes }分後にもう一度お試しください。
    }
decision-missing = 「同意する」「選択内容を保存」「拒否する」のいずれかを選んでください。
decision-invalid = この選択は保存できません。このページを開いた後に、お知らせの内容が変更されました。ページを再読み込みしてから、もう一度選択してください。
decision-unreadable = 選択内容が届きませんでした。もう一度お試しください。
decision-failed-body = 決定は保存されませんでした。もう一度お試しください。

## The email that carries a consent link.

email-link-subject = { $org }：同意のお願い
email-link-heading = { $org }があなたの同意を求めています
email-link-intro = { $org }が「{ $collection }」について、あなたの同意を求めています。あなたのデータをどのように利用したいのかをお読みいただき、目的ごとにご判断ください。
email-link-button = 内容を確認して決定する
email-link-expiry = このリンクは{ $date }まで有効です。後からでも、同じリンクから決定を変更または撤回できます。
