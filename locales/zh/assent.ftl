## This language's own name, as the language switcher shows it.

language-name = 中文

## The hosted consent page.

page-language = 语言
page-asks-consent = { $org }请求您的同意
page-notice = 通知
page-purposes = 您的数据将用于哪些目的
page-purposes-hint = 请勾选您同意的目的，然后保存您的选择。您也可以全部同意或全部拒绝。
page-required = 必需
page-data-used = 使用的数据：{ $categories }
page-approve = 同意
page-decline = 拒绝
page-save = 保存选择
page-withdraw = 撤回同意
page-receipt-title = 您的决定已记录
page-receipt-summary =
    { $action ->
        [approved] 您已于 { $date } 同意全部目的。
        [declined] 您已于 { $date } 拒绝全部目的。
        [withdrawn] 您已于 { $date } 撤回同意。
       *[partial] 您已于 { $date } 同意部分目的。
    }
page-granted = 已允许
page-not-granted = 未允许
page-reference = 参考编号：{ $reference }
page-change-hint = 您可以随时通过同一链接更改或撤回您的决定。
page-receipt-download = 下载已签名的回执
page-export = 下载与您的同意相关的全部记录
page-valid-until = 此链接有效期至 { $date }。
page-expired-title = 此链接已过期
page-expired-body = 同意链接仅在有限时间内有效。请向发送此链接的组织索取新链接。
page-replaced-title = 此链接已被替换
page-replaced-body = 此请求已发送了一个更新的链接。请使用您最近收到的消息。
page-unknown-title = 未找到链接
page-unknown-body = 此同意链接不存在。请检查您是否打开了完整的链接。
page-error-title = 出现问题
page-error-body = 请稍后重试。

## Shown inside the hosted page, above its form, when a decision could not be saved.

decision-too-many-body =
    { $minutes ->
       *[other] 此链接在短时间内提交了过多决定。您的最后一次选择未保存；请在 { $minutes } 分钟后重试。
    }
decision-missing = 请选择一个选项：“同意”“保存选择”或“拒绝”。
decision-invalid = 无法保存此选择：此页面打开后，通知内容已更改。请重新加载页面后再次选择。
decision-unreadable = 未收到您的选择。请重试。
decision-failed-body = 您的决定未能保存。请重试。

## The email that carries a consent link.

email-link-subject = { $org }：请求您的同意
email-link-heading = { $org }请求您的同意
email-link-intro = { $org }请求您就“{ $collection }”给予同意。请阅读他们希望如何使用您的数据，并针对每个目的分别作出决定。
email-link-button = 查看并决定
email-link-expiry = 此链接有效期至 { $date }。之后您仍可通过同一链接更改或撤回您的决定。
