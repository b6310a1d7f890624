// 拼写建议在 @tifa/core/node（配置解析器也要用）；命令行各处从这里引用。
export { didYouMean } from '@tifa/core/node';
