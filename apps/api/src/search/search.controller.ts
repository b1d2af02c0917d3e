import { Controller, Get, Query } from '@nestjs/common';
import { SearchPage, SearchQuery } from '@scrutineer/domain';
import { type Caller, CurrentCaller } from '../auth/caller.js';
import { Operation, Resource } from '../contract/operation.js';
import { SearchService } from './search.service.js';

@Resource(
  'search',
  'Full-text search over agenda items, the reports on them and minutes. The public finds only what the public edition shows; exempt content is searched only for callers who may read it.',
)
@Controller({ path: 'search', version: '1' })
export class SearchController {
  constructor(private readonly searchService: SearchService) {}

  @Get()
  @Operation({
    summary:
      'Search meetings’ agenda items, reports and minutes, best match first, with a highlighted passage; filter by committee, dates and kind.',
    query: SearchQuery,
    response: SearchPage,
  })
  search(@Query() query: SearchQuery, @CurrentCaller() caller: Caller): Promise<SearchPage> {
    return this.searchService.search(query, caller);
  }
}
