// 各命令的 --help（中文说明，选项名保持英文）。

export const MAIN_HELP = `tifa —— 职业教育政策文本规范提法检查

用法：
  tifa <命令> [选项]

命令：
  lint [路径|glob…]        检查 Markdown、纯文本与 Word（.docx）文件（缺省为当前目录）
  explain <词条>           查看词条的释义、状态、替换写法、来源与例句
  dict check [词典…]       校验词典文件（缺省为内置词表）
  dict test [词典…]        运行词条自带的例句自测
  dict export --format prh 把词表导出为 prh（textlint）词典
  dict new --term <写法>   生成用户词典的词条骨架
  dict stats               词表统计：按种类、把握、领域；缺官方链接与未追溯的引语
  extract <政策文件>       从新的政策文件中提取候选新词条

选项：
  -h, --help               显示帮助（每个命令都有：tifa lint --help，或 tifa help lint）
  -v, --version            显示版本

退出码：0 无问题（或警告未超过 --max-warnings），1 发现问题，2 用法、配置或词典错误。
`;

export const LINT_HELP = `用法：tifa lint [选项] [路径|glob…]

检查 .md/.markdown、.txt 与 .docx 文件中的规范提法。缺省检查当前目录；遵守 .gitignore、.git/info/exclude、
core.excludesFile 与配置中的 ignore；自动识别 UTF-8（含 BOM）、带 BOM 的 UTF-16 与 GBK/GB18030 编码，跳过二进制文件。
Word 文件检查正文、表格、页眉页脚、脚注尾注与批注，位置写明第几段与所在句子。

选项：
  -f, --format <名称>      输出格式：stylish（缺省）、json（兼容 ESLint）、sarif（SARIF 2.1.0）、github（Actions 批注）、
                           compact（每行 文件:行:列: 级别 规则 消息）、html（自包含网页报告，配合 -o 报告.html）
  -o, --output-file <文件> 把结果写到文件而不是标准输出
      --fix                自动应用所有安全的替换并写回（保留编码、BOM 与换行符）；
                           报告.docx 不改动，修改以修订（作者 tifa）写入新文件 报告.tifa.docx
      --fix-dry-run        不写文件，以统一 diff 输出将要做的修改（退出码与 lint 相同）
      --stdin              从标准输入读要检查的文本
      --stdin-filename <名> 标准输入文本的文件名（决定语言与适用的配置）
      --print-config <文件> 打印对该文件生效的配置（合并上级、extends、overrides 之后）后退出
      --no-error-on-unmatched-pattern  参数没有匹配到文件时不报错（缺省以退出码 2 结束）
      --report-unused-disable-directives  报告没有压下任何问题的 tifa-disable 注释
      --as-of <日期>       按这一天（YYYY-MM-DD）判断提法是否过时（Markdown 前言里的 date: 优先）
      --dict <文件>        追加用户词典（可重复）
  -c, --config <文件>      使用指定的配置文件，不再向上查找
      --rule <规则=级别>   覆盖规则级别（可重复），如 --rule misquote=off
                           规则：outdated-term、variant、misquote、first-mention
                           级别：off、info、warn、error
  -q, --quiet              只报告错误（并提示隐藏了多少警告）
      --max-warnings <N>   警告超过 N 个时以退出码 1 结束
      --no-color           不着色（也可设置环境变量 NO_COLOR；FORCE_COLOR 强制着色）
      --color              强制着色
  -h, --help               显示本帮助

配置（JSONC，可写注释与尾逗号）：tifa.config.json、.tifarc.json 或 package.json 的 "tifa" 字段。
从每个文件所在目录向上查找，各级合并（近的覆盖远的，数组相接），遇到 "root": true 停止；
各级的 .tifa/allow.txt（编辑器“在此工作区忽略”写入的白名单）一并生效。与 VS Code 扩展用同一套规则。
  {
    "extends": "@our-school/tifa-config",         // 相对路径或 npm 包
    "dictionaries": ["terms/our-school.yaml", "@our-school/tifa-dict"],  // 相对配置文件，或词典包
    "rules": { "first-mention": "off" },
    "terms": { "gaozhi-gaozhuan": "error" },
    "asOf": "2026-01-01",
    "ignore": ["archive/**"],                     // gitignore 写法
    "allow": ["双高计划"],                         // 忽略的写法或词条 id
    "language": { ".mdx": "markdown" },           // 按扩展名指定语言（也让这些文件参与检查）
    "overrides": [{ "files": ["archive/**"], "asOf": "2019-01-01" }],
  }

示例：
  tifa lint docs
  tifa lint 'docs/**/*.md' --format sarif > tifa.sarif
  tifa lint --fix-dry-run report.md
  tifa lint --fix 报告.docx                      # 写出 报告.tifa.docx，在 Word/WPS 里逐条接受或拒绝
  cat a.md | tifa lint --stdin --stdin-filename a.md -f compact
  tifa lint --print-config docs/a.md
  tifa lint --rule outdated-term=error --max-warnings 0
`;

export const EXPLAIN_HELP = `用法：tifa explain [选项] <词条>

按词条 id、规范写法或任一已知写法（包括过时写法）查看说明：释义、状态、替换写法、来源与例句。

选项：
      --dict <文件>        追加用户词典（可重复）
      --file <文件>        说明该词条在这份文件里的判断：所用的文档日期及其出处（前言、落款、--as-of 或今天）和相关的发现
      --as-of <日期>       与 --file 同用：文中没有日期时按这个日期（YYYY-MM-DD）
  -c, --config <文件>      与 --file 同用：指定配置文件（缺省按文件所在目录查找）
      --json               以 JSON 输出词条数据
      --no-color           不着色
  -h, --help               显示本帮助

示例：
  tifa explain 职业本科
  tifa explain gaozhi-gaozhuan
  tifa explain 十四五 --file 年度总结.docx
`;

export const DICT_HELP = `用法：tifa dict <子命令> [选项]

子命令：
  check [词典…]            校验词典（缺省为内置词表；给出文件时在内置词表之上叠加它们），逐条列出 文件:行:列
  test [词典…]             运行词条的 examples（flag 应报、pass 不应报），像测试运行器一样报告
  export --format prh      把词表导出为 prh YAML 词典，供 textlint-rule-prh 使用
  new --term <写法>        生成词条骨架（YAML）：缺省输出到标准输出，--append <文件> 追加到词典（没有就新建）
                           --id <id>（缺省按拼音）、--status current|outdated、--replacement <现行写法>、
                           --national（依据国家文件，带 sources 待填；缺省为 origin: local，学校自己的规定）
  stats                    词表统计：按种类、把握、领域（文件）的词条数，没有官方链接的词条，没有追溯到存档原文的引语

选项：
      --dict <文件>        追加用户词典（可重复；export/test 时一并导出或测试）
      --no-builtin         check/test 时不加载内置词表
  -f, --format <名称>      export 的格式（目前只有 prh）
  -o, --output <文件>      export 写到文件（缺省写到标准输出）
      --no-color           不着色
  -h, --help               显示本帮助

退出码：check 有错误时为 2；test 有失败时为 1。
`;

export const EXTRACT_HELP = `用法：tifa extract [选项] <政策文件>

从一份新的政策文件（.md、.txt、.docx）中找出词表还没有的候选词条：
  · 候选是 jieba 分词后连续的一个或几个词，只在词边界上开始和结束（不会切出“级职业”这样的片段）；
  · 去掉套话与政策动词、量词短语（停用表：packages/cli/data/extract-stop-list.json）和纯数字、标点的片段；
  · 去掉词表已收录的写法，以及总包含在更长候选里的片段；
  · 按关键度排序：比较候选在这份文件与已存官方原文（dictionaries/sources/）里的相对频率，
    按平滑对数比 log2（本文相对频率 ÷ 官方原文相对频率，次数各加 0.5）从高到低；
    只列出对数似然比显著的（G² ≥ 3.84，即 p < 0.05），官方原文里同样常见的套话不列出。
表格给出两边的次数、对数比与一处上下文；--format yaml 给出词条骨架（id 取拼音，来源指向这份文件，
把 TODO 换成实际内容、把引语所在段落存进 dictionaries/sources/ 后可通过 tifa dict check）。

选项：
  -f, --format <名称>      table（缺省）或 yaml（可粘贴进词典的词条骨架，TODO 处由维护者填写）
  -n, --limit <N>          最多列出 N 个候选（缺省 40）
      --min-count <N>      候选至少出现 N 次（缺省 2；引号里的短语出现一次也列出）
      --dict <文件>        追加用户词典（可重复），其中已收录的写法也会去掉
      --no-color           不着色
  -h, --help               显示本帮助
`;
